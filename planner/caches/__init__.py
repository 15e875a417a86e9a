"""What is kept between runs to start fast: the validated syllabus and the last schedule,
each under a digest of its inputs. Never the only copy of anything."""
