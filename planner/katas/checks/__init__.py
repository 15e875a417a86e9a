"""The checks of each kata, run inside the checker process only (they import numpy).

Each module holds `CHECKS`, the ordered checks of one kata; a check takes the person's
module and raises `CheckFailed` with a short reason when the attempt is wrong."""
