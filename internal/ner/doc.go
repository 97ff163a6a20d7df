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
// and MISC mentions in text tokenized by package text. The
// shipped weights are embedded (model.bin, in the format of serialize.go,
// which loads in milliseconds) and reproduced byte for byte by
// `sitrep train ner`.
//
// On amd64 with AVX2 the emission sums run in assembly over the model's
// 16-bit weights (sum_amd64.s); elsewhere, or built with -tags purego, in
// Go over weights widened at load. Both give the same tags and scores, bit
// for bit (TestSumKernelsQAgree, the golden tests on both paths). The
// Viterbi forward steps have an AVX2 kernel too (viterbiStepsAVX2), held to
// the scalar scan by TestViterbiSameAsScan.
package ner
