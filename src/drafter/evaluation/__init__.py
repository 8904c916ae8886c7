"""`drafter eval`: planted errors made without the checker's help, and the harness that counts
how many the check catches.

`plant` is the error generator. It must never import `drafter.check` (a test holds it to that):
it reads the draft, the source and the thread on its own terms, so what it plants does not depend
on what the checker would flag. `harness` runs the check on clean and changed drafts.
"""
