// Package cluster evaluates document clustering (sitrep's events) against
// gold groupings: readers for ECB+ (topics and sub-topics) and NewsWCL50
// (events), the B³, MUC and CEAF-e scores with their CoNLL average, and a
// runner that feeds the documents to a story.Clusterer in several shuffled
// orders and reports the spread.
package cluster
