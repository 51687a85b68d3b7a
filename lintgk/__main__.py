from lintgk.cli import main

# Guarded: with the "spawn" start method (Windows, macOS) each worker process imports this module.
if __name__ == "__main__":
    main()
