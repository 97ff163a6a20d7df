// Package queue is sitrep's work queue: the documents `sitrep ingest
// --queue` and `sitrep watch --queue` read go out as work items, and any
// number of `sitrep worker` processes, on any machines, pull them, clean,
// analyse and store them, and acknowledge each only after the database has
// committed it. Delivery is at least once; the store's content hashes make
// a redelivered item change nothing. An item that cannot be stored goes to
// a dead-letter list with its error, never silently away.
//
// This file is the interface; nats/ implements it on NATS JetStream.
package queue

import (
	"context"
	"errors"
	"time"

	"github.com/sitrep/sitrep/internal/ingest"
)

// Item is one unit of work: one document as ingest read it (its origin,
// URL, media type, bytes and metadata), or a byte range of a large WARC
// file (Range). For a document the publisher reads the inputs (files,
// WARC, feeds, URLs) itself and sends the documents' bytes, so the
// workers need no access to its files; a range names a file the workers
// read themselves (on a shared path) and holds whole records, all of
// which the worker that takes it stores.
type Item struct {
	Doc   ingest.Document
	Range *ingest.WARCRange
}

// Origin names the item in messages: the document's origin, or the
// range's file and bytes.
func (it Item) Origin() string {
	if it.Range != nil {
		return it.Range.String()
	}
	return it.Doc.Origin
}

// Queue is a work queue shared by publishers and workers.
type Queue interface {
	// Publish sends items; it returns once the queue has stored them
	// (or with the error of the first it could not store).
	Publish(ctx context.Context, items ...Item) error
	// Fetch waits up to wait for at most max items and returns what came
	// (none on timeout). Items are in flight until acked, failed or their
	// ack wait lapses (then they are delivered again).
	Fetch(ctx context.Context, max int, wait time.Duration) ([]Delivery, error)
	// Stats counts the queue's items.
	Stats(ctx context.Context) (Stats, error)
	// DeadLetters lists up to limit dead letters, oldest first.
	DeadLetters(ctx context.Context, limit int) ([]DeadLetter, error)
	Close() error
}

// Delivery is one delivery of an item to a worker.
type Delivery interface {
	Item() Item
	// Err reports an item that could not be read (a message no sitrep
	// published, or damaged): it can only go to the dead letters.
	Err() error
	// Attempt is 1 for the first delivery, 2 for the next, ...
	Attempt() int
	// Ack says the item is stored: it leaves the queue.
	Ack() error
	// Retry puts the item back, for another delivery after delay.
	Retry(delay time.Duration) error
	// Dead takes the item off the queue into the dead letters, with why.
	Dead(why error) error
	// DeadPart puts one part of the item (a record of a range, as an item
	// of its own) into the dead letters under origin, with why, and
	// leaves the item in flight: the item's other parts are stored and
	// it is acked as usual. A part dead-lettered again by a redelivery of
	// the item within the queue's duplicate window is stored once.
	DeadPart(part Item, origin string, why error) error
	// InProgress tells the queue the item is still being worked on, so
	// its ack wait starts again.
	InProgress() error
}

// Stats are the queue's counts.
type Stats struct {
	Pending     int64 `json:"pending"`     // published, not delivered yet
	InFlight    int64 `json:"in_flight"`   // delivered, not acked yet
	Redelivered int64 `json:"redelivered"` // of those in flight, delivered more than once
	Done        int64 `json:"done"`        // acked or dead-lettered
	Dead        int64 `json:"dead"`        // in the dead letters
}

// DeadLetter is an item that could not be stored, with its error.
type DeadLetter struct {
	Origin   string    `json:"origin"`
	URL      string    `json:"url,omitempty"`
	Error    string    `json:"error"`
	Attempts int       `json:"attempts"`
	At       time.Time `json:"at"`
	Seq      uint64    `json:"seq"`
	Item     *Item     `json:"-"` // the item itself, for a retry
}

// ErrTooLarge is returned by Publish for an item over the queue's size
// limit.
var ErrTooLarge = errors.New("work item too large for the queue")
