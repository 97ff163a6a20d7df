package sqlite

import (
	"context"
	"time"

	"github.com/sitrep/sitrep/internal/store"
)

var _ store.Leases = (*DB)(nil)

// AcquireLease implements store.Leases: one upsert that takes the lease
// when it is free, lapsed or already holder's, in SQLite's single write
// transaction, so two processes never both get it. Expiry is by the
// clocks of the processes sharing the file (one machine's, for SQLite).
func (s *DB) AcquireLease(ctx context.Context, name, holder string, ttl time.Duration) (bool, error) {
	now := time.Now().UnixNano()
	res, err := s.db.ExecContext(ctx, `INSERT INTO leases(name, holder, expires) VALUES (?, ?, ?)
		ON CONFLICT(name) DO UPDATE SET holder = excluded.holder, expires = excluded.expires
		WHERE leases.holder = excluded.holder OR leases.expires < ?`, name, holder, now+int64(ttl), now)
	if err != nil {
		return false, s.fault(err, "lease "+name)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, s.fault(err, "lease "+name)
	}
	return n == 1, nil
}

// ReleaseLease implements store.Leases.
func (s *DB) ReleaseLease(ctx context.Context, name, holder string) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM leases WHERE name = ? AND holder = ?`, name, holder)
	return s.fault(err, "lease "+name)
}
