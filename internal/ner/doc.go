// Package ner is sitrep's named-entity recogniser: a linear-chain model
// (averaged structured perceptron, Viterbi decoding over BILOU tags) on
// hashed lexical, shape, affix, window, gazetteer, word-cluster and
// document-level features, trained on CoNLL-2003 English. Gazetteers: the
// WikiANN train names by type, GeoNames places (from package geo's index)
// and the Phoenix/PETRARCH actor dictionaries as separate lists. A second
// pass adds what the first pass said about the same word elsewhere in the
// document and a document gazetteer of the first pass's names with their
// majority type, so a name keeps one type through an article (trained on
// jackknifed first-pass output). It finds PER, ORG, LOC
// and MISC mentions in text tokenized by package text, in pure Go. The
// shipped weights are embedded (model.bin) and reproduced byte for byte by
// `sitrep train ner`.
package ner
