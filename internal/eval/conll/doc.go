// Package conll reads CoNLL-2003-style column files (one token per line,
// blank line between sentences, -DOCSTART- between documents) and scores
// predicted BIO tag sequences with conlleval semantics: an entity counts as
// correct only when both its span and its type match exactly.
package conll
