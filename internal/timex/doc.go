// Package timex recognises time expressions in English news text and
// normalises them to TIMEX3 (TimeML) types and values.
//
// Recognition is a small token-level pattern grammar (see grammar.go and
// rules.go): each rule is a sequence of token classes (WEEKDAY, MONTH, NUM,
// UNIT, ...) and literal words, paired with a normaliser that turns the
// matched tokens into a TIMEX3 type and value. Relative expressions are
// anchored on the document creation time (DCT) and, where the narrative moves
// it ("the next day"), on the last fully specified date mentioned. The tense
// of the surrounding clause decides the direction of underspecified
// references ("said on Sunday" is the previous Sunday, "will meet on Sunday"
// the next one).
//
// The package has its own minimal tokenizer (token.go) behind the Tokenizer
// interface so that a richer tokenizer can be plugged in later.
//
// EstimateDCT estimates the publication date of an undated article from its
// own absolute dates (estimate.go).
package timex
