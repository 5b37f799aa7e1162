from donghaeng.cli import main

main()
