"""`briefing preview` listens on 127.0.0.1 only, on the configured port, and only for local names."""

from __future__ import annotations

import contextlib
import http.client
import ipaddress
import socket
import subprocess
from pathlib import Path

import pytest

from tests.test_preview import start_preview, stop

PROC_NET_TCP = Path("/proc/net/tcp")
LISTEN = "0A"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def non_loopback_addresses() -> list[str]:
    """This machine's IPv4 addresses other than 127.x (from `ip -4 addr`, else the host name)."""
    found = set()
    with contextlib.suppress(OSError):  # no `ip` command here
        listing = subprocess.run(["ip", "-4", "-o", "addr", "show"], capture_output=True, text=True, check=False).stdout
        found.update(part.split("/")[0] for line in listing.splitlines() for part in line.split()[3:4])
    with contextlib.suppress(OSError):  # a host name that does not resolve
        found.add(socket.gethostbyname(socket.gethostname()))
    return sorted(address for address in found if address and not ipaddress.ip_address(address).is_loopback)


def listening_addresses(port: int) -> list[str]:
    """The local IPv4 addresses with a socket listening on ``port``, from /proc/net/tcp."""
    addresses = []
    for line in PROC_NET_TCP.read_text().splitlines()[1:]:
        local, state = line.split()[1], line.split()[3]
        hex_address, hex_port = local.split(":")
        if state == LISTEN and int(hex_port, 16) == port:
            addresses.append(socket.inet_ntoa(bytes.fromhex(hex_address)[::-1]))
    return addresses


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    """A preview on the port the configuration names (an empty store: the page shows an empty day)."""
    tmp = tmp_path_factory.mktemp("loopback")
    port = free_port()
    config = tmp / "config.yaml"
    config.write_text(
        f"store:\n  path: {tmp / 'store.sqlite3'}\ntemplates:\n  folder: {Path(__file__).resolve().parents[1] / 'templates'}\n"
        f"preview:\n  port: {port}\n",
        encoding="utf-8",
    )
    process, url = start_preview(config)
    yield port, url
    stop(process)


def get(address: str, port: int, host: str | None = None) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection(address, port, timeout=5)
    connection.request("GET", "/version", headers={"Host": host} if host else {})
    answer = connection.getresponse()
    return answer.status, answer.read()


def test_it_serves_on_the_configured_port_of_127_0_0_1(preview):
    port, url = preview
    assert url == f"http://127.0.0.1:{port}/"
    assert get("127.0.0.1", port)[0] == 200


def test_it_listens_on_127_0_0_1_and_nothing_else(preview):
    port, _ = preview
    if not PROC_NET_TCP.is_file():
        pytest.skip("no /proc/net/tcp here to read the listening sockets from")
    assert listening_addresses(port) == ["127.0.0.1"]


def test_it_cannot_be_reached_from_another_address_of_this_machine(preview):
    port, _ = preview
    addresses = non_loopback_addresses()
    if not addresses:
        pytest.skip("this machine has no address but loopback to try")
    for address in addresses:
        with pytest.raises(ConnectionRefusedError):
            socket.create_connection((address, port), timeout=5).close()


def test_it_answers_only_to_local_names(preview):
    port, _ = preview
    assert get("127.0.0.1", port, host=f"localhost:{port}")[0] == 200
    assert get("127.0.0.1", port, host=f"briefing.attacker.example:{port}") == (
        403, b"This preview answers only to 127.0.0.1 and localhost.\n"
    )
