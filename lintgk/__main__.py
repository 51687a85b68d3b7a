from lintgk.cli import main

main()
