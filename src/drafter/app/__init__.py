"""The use cases behind the faces: what the CLI, the batch runner and the desk all call.
`drafts` (a draft as the editor has left it), `flags` (the check's review queue), `review`
(edits, undo, dismissals, approval, re-check, regeneration) and `gate` (what stands between a
draft and its export), `batch` and `batch_sources` (many articles from one sources file). This
package never imports the desk or the CLI."""
