package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/annexa-dev/annexa/bundles"
	"github.com/annexa-dev/annexa/runner"
)

// passwordEnv holds the private key's password, as it does for cosign. It
// is sensitive: annexa never prints it or logs it.
const passwordEnv = "COSIGN_PASSWORD"

// maxKeyFileBytes bounds a key file; a PEM key is well under 1 KiB.
const maxKeyFileBytes = 64 << 10

const keygenLong = `Generate an ECDSA P-256 key pair for signing evidence bundles, in cosign's
format: PREFIX.key holds the private key encrypted with a password (scrypt and
NaCl secretbox, exactly as ` + "`cosign generate-key-pair`" + ` writes it; mode 0600),
PREFIX.pub the public key for auditors. cosign reads these keys, and annexa
reads keys cosign generated.

The password comes from COSIGN_PASSWORD (an empty value means no password) or,
only when stdin is a terminal, from a prompt. Existing key files are never
overwritten unless --force is given.`

type keygenOptions struct {
	prefix string
	force  bool
}

func newKeygenCommand(s streams) *cobra.Command {
	o := &keygenOptions{}
	cmd := &cobra.Command{
		Use:   "keygen [flags]",
		Short: "Generate a cosign-compatible key pair for signing evidence bundles",
		Long:  keygenLong,
		Example: `  # Interactive: prompts for the password twice
  annexa keygen

  # CI or scripts: password from the environment, keys named release.key/.pub
  COSIGN_PASSWORD=... annexa keygen --output-prefix release`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return o.run(s)
		},
	}
	cmd.Flags().StringVar(&o.prefix, "output-prefix", "cosign", "write the keys to PREFIX.key and PREFIX.pub")
	cmd.Flags().BoolVar(&o.force, "force", false, "overwrite existing key files")
	return cmd
}

func (o *keygenOptions) run(s streams) error {
	privPath, pubPath := o.prefix+".key", o.prefix+".pub"
	password, err := readPassword(s, true)
	if err != nil {
		return inputError(err)
	}
	kp, err := bundles.GenerateKeyPair(password)
	if err != nil {
		return err
	}
	err = runner.WriteFiles([]runner.File{
		{Path: privPath, Data: kp.Private, Mode: 0o600},
		{Path: pubPath, Data: kp.Public, Mode: 0o644},
	}, o.force)
	var exists *runner.ExistsError
	if errors.As(err, &exists) {
		return inputError(fmt.Errorf("%s already exists; remove it or pass --force to overwrite", exists.Path))
	}
	if err != nil {
		return inputError(err)
	}
	fmt.Fprintf(s.out, "Private key written to %s\nPublic key written to %s\n", privPath, pubPath)
	return nil
}

// readPassword returns COSIGN_PASSWORD when it is set, even to the empty
// string (as cosign does), and otherwise asks on the terminal; without a
// terminal it fails rather than wait on a pipe. confirm asks twice.
func readPassword(s streams, confirm bool) ([]byte, error) {
	if pw, ok := os.LookupEnv(passwordEnv); ok {
		return []byte(pw), nil
	}
	fd := int(os.Stdin.Fd())
	if !term.IsTerminal(fd) {
		return nil, fmt.Errorf("no password for the private key: set %s (annexa prompts only on a terminal)", passwordEnv)
	}
	ask := func(prompt string) ([]byte, error) {
		fmt.Fprint(s.err, prompt)
		pw, err := term.ReadPassword(fd)
		fmt.Fprintln(s.err)
		if err != nil {
			return nil, fmt.Errorf("read password: %w", err)
		}
		return pw, nil
	}
	pw, err := ask("Enter password for private key: ")
	if err != nil || !confirm {
		return pw, err
	}
	again, err := ask("Enter password for private key again: ")
	if err != nil {
		return nil, err
	}
	if !bytes.Equal(pw, again) {
		return nil, errors.New("passwords do not match")
	}
	return pw, nil
}

// readKeyFile reads a key file of bounded size.
func readKeyFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read key %s: %w", path, errors.Unwrap(err))
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxKeyFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read key %s: %w", path, err)
	}
	if len(b) > maxKeyFileBytes {
		return nil, fmt.Errorf("read key %s: larger than %d KiB; not a key file", path, maxKeyFileBytes>>10)
	}
	return b, nil
}
