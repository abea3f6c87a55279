from .cli import main

# Guarded: a spawned worker process (Windows, macOS) imports this module again under the
# name __mp_main__, and must not run the command line a second time.
if __name__ == "__main__":
    main()
