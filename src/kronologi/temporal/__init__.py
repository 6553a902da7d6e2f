"""Time: ISO values, header dates, and (issue 3) temporal expressions."""
