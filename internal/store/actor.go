package store

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/accordmea/accord"
)

var actorIDRE = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,62}$`)

// Actors returns the actors users added, names by id.
func (s *Store) Actors(ctx context.Context) (map[string][]string, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT id, name FROM actors ORDER BY id, name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string][]string{}
	for rows.Next() {
		var id, name string
		if err := rows.Scan(&id, &name); err != nil {
			return nil, err
		}
		out[id] = append(out[id], name)
	}
	return out, rows.Err()
}

// AddActor adds names for actor id, in one transaction; names already
// there are left as they are.
func (s *Store) AddActor(ctx context.Context, id string, names []string) error {
	if !actorIDRE.MatchString(id) {
		return fmt.Errorf("%w: actor id %q: want lower-case letters, digits and hyphens, such as iccm or global-framework", accord.ErrInvalid, id)
	}
	if len(names) == 0 {
		return fmt.Errorf("%w: actor %s: give at least one name", accord.ErrInvalid, id)
	}
	for _, n := range names {
		if t := strings.TrimSpace(n); t == "" || utf8.RuneCountInString(t) > 300 || !utf8.ValidString(t) {
			return fmt.Errorf("%w: actor %s: name %q must be 1 to 300 characters of text", accord.ErrInvalid, id, n)
		}
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		for _, n := range names {
			if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO actors (id, name) VALUES (?, ?) ON CONFLICT DO NOTHING`), id, strings.TrimSpace(n)); err != nil {
				return err
			}
		}
		return s.bumpRegistry(ctx, tx)
	})
}

// ActorMandates counts the mandates asked of each actor, by status.
func (s *Store) ActorMandates(ctx context.Context) (map[string]map[accord.Status]int, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT a.actor, m.status, count(DISTINCT m.id) FROM mandate_actors a JOIN mandates m ON m.id = a.mandate_id
		WHERE a.actor <> '' GROUP BY a.actor, m.status`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]map[accord.Status]int{}
	for rows.Next() {
		var actor, status string
		var n int
		if err := rows.Scan(&actor, &status, &n); err != nil {
			return nil, err
		}
		if out[actor] == nil {
			out[actor] = map[accord.Status]int{}
		}
		out[actor][accord.Status(status)] = n
	}
	return out, rows.Err()
}

// MandateChoices lists what the mandate board's filters choose from: each
// a group over an indexed column, or the few meetings. Every page of the
// board shows them, and they change only with a write: they are kept
// from one write to the next (listCache).
func (s *Store) MandateChoices(ctx context.Context) (accord.MandateChoices, error) {
	c, err := cached(ctx, s, "choices", s.readMandateChoices)
	c.Actors, c.Bodies = slices.Clone(c.Actors), slices.Clone(c.Bodies)
	c.DueMeetings, c.Owners = slices.Clone(c.DueMeetings), slices.Clone(c.Owners)
	return c, err
}

func (s *Store) readMandateChoices(ctx context.Context) (accord.MandateChoices, error) {
	var c accord.MandateChoices
	strs := func(query string, each func(string)) error {
		rows, err := s.read.QueryContext(ctx, query)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var v string
			if err := rows.Scan(&v); err != nil {
				return err
			}
			each(v)
		}
		return rows.Err()
	}
	// One ordered walk of the mandate_actors_named index: each actor is
	// named by the words that ask it most often ("Parties", not
	// "Conferences of the Parties to …"), the shortest of a tie, and
	// counts the mandates asking it under each of its names.
	rows, err := s.read.QueryContext(ctx, `SELECT actor, text, count(DISTINCT mandate_id) FROM mandate_actors
		WHERE actor > '' GROUP BY actor, text ORDER BY actor, text`)
	if err != nil {
		return c, err
	}
	defer rows.Close()
	var best []int // the count of each actor's name
	for rows.Next() {
		var id, text string
		var n int
		if err := rows.Scan(&id, &text, &n); err != nil {
			return c, err
		}
		if k := len(c.Actors) - 1; k >= 0 && c.Actors[k].ID == id {
			a := &c.Actors[k]
			a.Mandates += n
			if n > best[k] || n == best[k] && len(text) < len(a.Name) {
				a.Name, best[k] = text, n
			}
			continue
		}
		c.Actors = append(c.Actors, accord.ActorChoice{ID: id, Name: text, Mandates: n})
		best = append(best, n)
	}
	if err := rows.Err(); err != nil {
		return c, err
	}
	sort.SliceStable(c.Actors, func(i, j int) bool { return c.Actors[i].Mandates > c.Actors[j].Mandates })
	meetings, err := s.decisionMeetings(ctx)
	if err != nil {
		return c, err
	}
	bodies := map[string]bool{}
	for _, m := range meetings {
		if b := accord.MeetingBody(m); !bodies[b] {
			bodies[b] = true
			c.Bodies = append(c.Bodies, b)
		}
	}
	slices.Sort(c.Bodies)
	if err := strs(`SELECT DISTINCT due_meeting FROM mandates WHERE due_meeting > '' ORDER BY due_meeting`, func(m string) {
		c.DueMeetings = append(c.DueMeetings, m)
	}); err != nil {
		return c, err
	}
	if err := strs(`SELECT DISTINCT owner FROM mandates WHERE owner > '' ORDER BY owner`, func(o string) {
		c.Owners = append(c.Owners, o)
	}); err != nil {
		return c, err
	}
	return c, nil
}
