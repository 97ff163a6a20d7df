// Package endtoend holds the gold-side helpers of `sitrep eval pipeline`,
// which scores what the real ingest path stores rather than one stage fed
// gold input: mapping stored text back onto the gold text (Align), the
// NewsWCL50 texts rebuilt from their tokens with the gold mention chains
// on them (LoadNewsWCL50), and the scores that compare stored stories and
// actors with gold (storyline purity, coreference of the system's own
// mentions, people merged with other people).
package endtoend
