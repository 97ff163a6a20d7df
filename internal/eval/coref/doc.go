// Package coref evaluates entity coreference of named mentions on ECB+:
// within each document (the local entities of internal/entity.Resolve)
// and across documents (the actors of an entity.Registry), on the gold
// mentions, with MUC, B³, CEAF-e, their CoNLL average and pairwise F1.
package coref
