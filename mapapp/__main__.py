from mapapp.cli import main

raise SystemExit(main())
