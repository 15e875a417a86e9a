"""A correct Top K Frequent Elements (for the kata tests; not shipped)."""

import heapq
from collections import Counter


def top_k_frequent(nums, k):
    counts = Counter(nums)
    return [value for _, value in heapq.nsmallest(k, ((-c, v) for v, c in counts.items()))]
