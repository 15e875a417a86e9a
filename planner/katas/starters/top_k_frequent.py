"""Top K Frequent Elements (LeetCode 347), timed: 25 minutes.

Fill in the function below, then check it with the command at the top of this file.
Plain Python is enough (collections and heapq are fine).
"""


def top_k_frequent(nums: list[int], k: int) -> list[int]:
    """The k values that occur most often in nums, as a list: the most frequent first;
    values with equal counts in increasing order. 1 <= k <= the number of distinct
    values. nums may hold up to a million values (O(n log n) or better) and must not be
    changed.

    top_k_frequent([1, 1, 1, 2, 2, 3], 2) == [1, 2]
    """
    raise NotImplementedError
