package main

import (
	"flag"
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/accordmea/accord/internal/limit"
)

// serveLimitFlags adds to fs the flags of the limits serve keeps (rates per
// address and account, lockout, load shedding, request deadlines), with
// their ACCORD_* environment variables as defaults over c's values.
func serveLimitFlags(fs *flag.FlagSet, c *limit.Config) error {
	vars := []struct {
		name, env, usage string
		v                flag.Value
	}{
		{"rate-signin", "ACCORD_RATE_SIGNIN", "sign-in attempts per client address: `rate` N/s, N/m or N/h, 0 for no limit", &c.SignIn},
		{"rate-token", "ACCORD_RATE_TOKEN", "API requests with a token, per address and per account (`rate`)", &c.Token},
		{"rate-search", "ACCORD_RATE_SEARCH", "searches per address (`rate`)", &c.Search},
		{"rate-upload", "ACCORD_RATE_UPLOAD", "uploads and confirmations per address and per account (`rate`)", &c.Upload},
		{"lockout", "ACCORD_LOCKOUT", "`failures/window` of sign-in or token after which an address is locked out for the window, 0 for never", &c.Lockout},
		{"max-searches", "ACCORD_MAX_SEARCHES", "`N` searches run at once; more wait --shed-wait, then get 503 (0: no cap)", (*intValue)(&c.Searches)},
		{"max-uploads", "ACCORD_MAX_UPLOADS", "`N` uploads parsed at once; more wait --shed-wait, then get 503 (0: no cap)", (*intValue)(&c.Uploads)},
		{"shed-wait", "ACCORD_SHED_WAIT", "how long a search or upload waits for a place before it gets 503 (`duration`)", (*durationValue)(&c.Wait)},
		{"search-timeout", "ACCORD_SEARCH_TIMEOUT", "how long a search may run before it gets 503 (`duration`)", (*durationValue)(&c.SearchTimeout)},
		{"upload-timeout", "ACCORD_UPLOAD_TIMEOUT", "how long an upload may be parsed and stored (`duration`)", (*durationValue)(&c.UploadTimeout)},
		{"page-timeout", "ACCORD_PAGE_TIMEOUT", "how long any other request may take (`duration`)", (*durationValue)(&c.PageTimeout)},
	}
	for _, v := range vars {
		if e := os.Getenv(v.env); e != "" {
			if err := v.v.Set(e); err != nil {
				return usageError("%s=%q: %v", v.env, e, err)
			}
		}
		fs.Var(v.v, v.name, v.usage+" ("+v.env+")")
	}
	return nil
}

type intValue int

func (v *intValue) String() string { return strconv.Itoa(int(*v)) }
func (v *intValue) Set(s string) error {
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return fmt.Errorf("%q: want a number, 0 or more", s)
	}
	*v = intValue(n)
	return nil
}

type durationValue time.Duration

func (v *durationValue) String() string { return time.Duration(*v).String() }
func (v *durationValue) Set(s string) error {
	d, err := time.ParseDuration(s)
	if err != nil || d < 0 {
		return fmt.Errorf("%q: want a duration such as 100ms or 5s", s)
	}
	*v = durationValue(d)
	return nil
}
