from kronologi.cli import main

main()
