"""Moving in and out: imports from jrnl, Day One and Markdown folders; the owner's own dump."""
