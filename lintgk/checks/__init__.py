"""Check kinds, one module per rule family."""
