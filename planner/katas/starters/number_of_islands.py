"""Number of Islands (LeetCode 200), timed: 25 minutes.

Fill in the function below, then check it with the command at the top of this file.
Plain Python is enough (collections.deque is fine).
"""


def num_islands(grid: list[list[str]]) -> int:
    """How many islands grid holds: groups of "1" cells joined up, down, left or right
    (not diagonally); "0" is water. The grid may be empty ([] or [[]]) and as large as
    600 x 600, all of it land: a recursive flood fill goes 360,000 calls deep there, far
    past Python's recursion limit (1,000), so use a loop with a stack or a queue, as an
    interviewer expects. You may change grid.

    num_islands([["1", "1", "0"], ["0", "1", "0"], ["0", "0", "1"]]) == 2
    """
    raise NotImplementedError
