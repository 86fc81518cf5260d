"""Ed25519 keys that sign checkpoints of the log, held outside the database.

The private key signs (`asb checkpoint sign`); only the public key is needed to verify
(`asb verify --checkpoint`). Someone who can rewrite the database but does not hold the
private key cannot make a checkpoint that vouches for the rewrite.
"""

from __future__ import annotations

import base64
import hashlib
import os
import stat
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

PRIVATE_FILE = "checkpoint-key.pem"
PUBLIC_FILE = "checkpoint-key.pub.pem"


class SigningKeyError(ValueError):
    """A key file is missing, unreadable, not Ed25519, or too widely readable."""


def key_id(public: Ed25519PublicKey) -> str:
    """A short fingerprint of a public key, written into every checkpoint it signs."""
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def generate_keys(directory: Path) -> tuple[Path, Path]:
    """Write a new key pair into `directory`: the private key with mode 0600, the public key.

    Refuses to overwrite an existing key: losing the old public key would make every
    checkpoint it signed unverifiable.
    """
    directory.mkdir(parents=True, exist_ok=True)
    private_path, public_path = directory / PRIVATE_FILE, directory / PUBLIC_FILE
    for path in (private_path, public_path):
        if path.exists():
            raise SigningKeyError(f"{path} already exists; keep it, or move it away first")
    key = Ed25519PrivateKey.generate()
    private_pem = key.private_bytes(serialization.Encoding.PEM,
                                    serialization.PrivateFormat.PKCS8,
                                    serialization.NoEncryption())
    # Created 0600 from the start, so the key is never readable by others, even briefly.
    fd = os.open(private_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(private_pem)
    public_path.write_bytes(key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo))
    return private_path, public_path


def load_private_key(path: Path) -> Ed25519PrivateKey:
    """The signing key at `path`; refused when group or others may read it."""
    data = _read(path, "private key")
    if path.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise SigningKeyError(f"{path} can be read by other users; run `chmod 600 {path}`")
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError) as e:
        raise SigningKeyError(f"{path} is not an unencrypted PEM private key: {e}") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise SigningKeyError(f"{path} is not an Ed25519 private key")
    return key


def load_public_key(path: Path) -> Ed25519PublicKey:
    data = _read(path, "public key")
    try:
        key = serialization.load_pem_public_key(data)
    except (ValueError, TypeError) as e:
        raise SigningKeyError(f"{path} is not a PEM public key: {e}") from None
    if not isinstance(key, Ed25519PublicKey):
        raise SigningKeyError(f"{path} is not an Ed25519 public key")
    return key


def sign(key: Ed25519PrivateKey, message: bytes) -> str:
    return base64.b64encode(key.sign(message)).decode("ascii")


def signature_valid(key: Ed25519PublicKey, message: bytes, signature: str) -> bool:
    try:
        key.verify(base64.b64decode(signature, validate=True), message)
    except (InvalidSignature, ValueError):
        return False
    return True


def _read(path: Path, what: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as e:
        raise SigningKeyError(f"cannot read the {what} {path}: {e.strerror}") from None
