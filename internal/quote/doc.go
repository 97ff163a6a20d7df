// Package quote extracts quotations from news text and attributes them to
// their speakers without a parser: direct quotes in the common quotation
// mark styles (including quotes that run over several paragraphs and partial
// quotes inside a sentence), indirect speech introduced by a cue verb
// ("X said that …", "according to X", "X warned …") and mixed forms.
//
// The speaker is found from syntax-free cues: a cue lexicon, word order
// ("…," X said / "…," said X), punctuation and a small coreference step that
// resolves pronouns to the nearest compatible person named before. A
// pronoun that cannot be resolved is reported with SpeakerResolved=false.
//
// Callers may pass sentence spans and entity mentions from the text and NER
// stages; without them the package uses its own sentence splitter and a
// capitalisation heuristic for names.
package quote
