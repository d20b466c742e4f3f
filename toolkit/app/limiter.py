"""Wrong codes slow a device down: after :data:`POGINGEN` wrong codes within :data:`VENSTER` seconds a
device gets "wait a minute" (HTTP 429) instead of an answer, whatever it types, until the oldest of
those tries is a minute old.

The server (:mod:`toolkit.app.server`) asks here for every code a request carries: the access or
session code (``?token=``, the login form) and the trainer code. Kept in memory, per device (its
address; one IPv6 network of a /64 counts as one device, since a device there can take a new address
at will), for at most :data:`APPARATEN` devices: the devices that guessed longest ago are forgotten
first, so a flood of addresses cannot fill the memory.
"""

from __future__ import annotations

import ipaddress
import time
from collections import OrderedDict, deque
from collections.abc import Callable

from toolkit.domain import codes_match

#: Wrong codes a device may type within :data:`VENSTER` seconds.
POGINGEN = 5
VENSTER = 60.0
#: Devices remembered at most (each at most :data:`POGINGEN` times).
APPARATEN = 4096


class TooManyAttempts(Exception):
    """A device typed :data:`POGINGEN` wrong codes within the last :data:`VENSTER` seconds."""


def device(adres: str) -> str:
    """The device an address stands for: the address itself, or its /64 network for IPv6."""
    try:
        ip = ipaddress.ip_address(adres)
    except ValueError:
        return adres
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:  # an IPv4 device on a dual-stack socket
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network(f"{ip}/64", strict=False))
    return str(ip)


class AttemptLimiter:
    """The wrong codes of the last :data:`VENSTER` seconds, per device."""

    def __init__(self, most: int = POGINGEN, window: float = VENSTER, clients: int = APPARATEN,
                 clock: Callable[[], float] = time.monotonic) -> None:  # fmt: skip
        self.most, self.window, self.clients, self.clock = most, window, clients, clock
        self._fout: OrderedDict[str, deque[float]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._fout)

    def _recent(self, wie: str) -> deque[float] | None:
        tijden = self._fout.get(wie)
        if tijden is None:
            return None
        while tijden and tijden[0] <= self.clock() - self.window:
            tijden.popleft()
        if not tijden:
            del self._fout[wie]
            return None
        return tijden

    def blocked(self, adres: str) -> bool:
        tijden = self._recent(device(adres))
        return tijden is not None and len(tijden) >= self.most

    def failed(self, adres: str) -> None:
        wie = device(adres)
        tijden = self._recent(wie)
        if tijden is None:
            tijden = self._fout[wie] = deque(maxlen=self.most)
            while len(self._fout) > self.clients:
                self._fout.popitem(last=False)
        else:
            self._fout.move_to_end(wie)
        tijden.append(self.clock())

    def check(self, adres: str, getypt: str, code: str) -> bool:
        """Whether ``getypt`` is ``code`` (:func:`toolkit.domain.codes_match`); a wrong one counts
        against the device at ``adres``. While that device waits, raises :class:`TooManyAttempts`
        without looking at the code."""
        if self.blocked(adres):
            raise TooManyAttempts(adres)
        if codes_match(getypt, code):
            return True
        self.failed(adres)
        return False
