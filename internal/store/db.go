package store

import "context"

// DB is a store as sitrep's commands open it, whichever the database (the
// embedded SQLite file or a shared PostgreSQL; internal/store/open picks
// by the name given): the Store with the optional interfaces both
// implement, and what the commands ask of the database itself.
type DB interface {
	Store
	StoryPages
	CodedEvents
	// SchemaVersion returns the number of schema migrations applied.
	SchemaVersion(ctx context.Context) (int, error)
	// CheckWritable reports whether the database can be written, so that
	// a writing command refuses a read-only one before any work.
	CheckWritable(ctx context.Context) error
}
