"""The one exception for every data problem the project can detect."""
from __future__ import annotations


class DataError(Exception):
    """A data file is missing, damaged or does not match its schema.

    The message always names the file, the column (where one is involved)
    and the problem, so a reader can find and fix the fault without a debugger.
    """

    def __init__(self, file: str, problem: str, column: str | None = None):
        self.file = str(file)
        self.column = column
        self.problem = problem
        where = f"{self.file}, column '{column}'" if column else self.file
        super().__init__(f"{where}: {problem}")
