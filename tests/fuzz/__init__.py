"""The metamorphic fuzz suite (issue 22): the bundled samples mutated one change at a time,
each change judged against what it must give.

    python -m tests.fuzz --mutations 2000 --seed 1      # the long run -> tests/fuzz/RESULTS.md
    python -m tests.fuzz --repro 'blank-col/inside-group@3' --keep /tmp/x   # one instance

catalogue.py lists the classes, mutations.py makes them, expect.py says what each kind must
give, judge.py runs the public API and judges, known.py lists the classes that fail today
(tests/test_fuzz.py, the short run, marks them xfail)."""
