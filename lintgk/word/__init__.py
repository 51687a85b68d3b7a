"""Working inside a Word file: findings as comments (批注) and fixes applied inside the runs."""
