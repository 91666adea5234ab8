package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
)

// openPostgres opens a pool on the PostgreSQL database at url. Several
// accord processes may share one database: what one keeps in memory is
// either never changed once stored (facet sets) or kept only as long as
// the database's list version says it is current (listCache).
func openPostgres(ctx context.Context, url string) (*Store, error) {
	db, err := sql.Open("pgx", url)
	if err != nil {
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	db.SetMaxOpenConns(20)
	db.SetMaxIdleConns(10)
	db.SetConnMaxIdleTime(5 * time.Minute)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	sets, err := sql.Open("pgx", url)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	sets.SetMaxOpenConns(2)
	sets.SetConnMaxIdleTime(time.Minute)
	return &Store{
		write: db,
		read:  db,
		sets:  sets,
		dialect: dialect{
			name:       "postgres",
			rebind:     rebindDollar,
			now:        func() any { return time.Now().UTC() },
			transient:  postgresTransient,
			attempts:   postgresAttempts,
			lockSuffix: " FOR UPDATE",
		},
	}, nil
}

// postgresAttempts is how many times a transaction is run when PostgreSQL
// aborts it for the others running with it. Transactions take their locks
// in one order, so what is left is rare and seldom happens twice in a
// row; five runs ride out a burst without keeping a client waiting long.
const postgresAttempts = 5

// postgresTransient names the errors of PostgreSQL after which a
// transaction run again may succeed.
func postgresTransient(err error) string {
	var pe *pgconn.PgError
	if !errors.As(err, &pe) {
		return ""
	}
	switch pe.Code {
	case "40P01":
		return "deadlock with another write"
	case "40001":
		return "serialization failure with another write"
	case "55P03":
		return "a lock held by another write was not granted in time"
	}
	return ""
}
