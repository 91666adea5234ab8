package main

import (
	"context"
	"io"
)

func runIngest(ctx context.Context, cfg *Config, args []string, stdout, stderr io.Writer) error    { return nil }
func runDecisions(ctx context.Context, cfg *Config, args []string, stdout, stderr io.Writer) error { return nil }
func runDemo(ctx context.Context, cfg *Config, args []string, stdout, stderr io.Writer) error      { return nil }
