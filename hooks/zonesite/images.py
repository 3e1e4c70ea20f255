"""Which files content may publish as images: inside the repository, in a format browsers show.

An image path is copied into the public site as is, so it must not reach outside the repository
(`/etc/passwd`, `../../.git/config`, a symlink to `/proc/self/environ`), and the file must really
be an image: a page, script or SVG under an image's name would run on the zone's domain.
Knows nothing of MkDocs."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from .errors import Problems
from .errors import escape_invisible

MAX_BYTES = 5 * 1024 * 1024
RESIZE = "verklein ze, bv. tot 2000 pixels breed als JPEG (in Paint: Formaat wijzigen; op een Mac: Voorvertoning → Pas grootte aan)"

# The formats every browser shows, recognised by their first bytes, with the names they may carry.
_FORMATS = (
    ("JPEG", (b"\xff\xd8\xff",), (".jpg", ".jpeg")),
    ("PNG", (b"\x89PNG\r\n\x1a\n",), (".png",)),
    ("GIF", (b"GIF87a", b"GIF89a"), (".gif",)),
    ("WebP", (b"RIFF",), (".webp",)),  # and "WEBP" at byte 8, checked below
)
_ALLOWED = "JPEG, PNG, WebP of GIF"


def inside(path: Path, root: Path, area: str) -> bool:
    """Whether `path`, with every symlink followed, lies within the repository's folder `area`."""
    try:
        return path.resolve(strict=True).is_relative_to(root.resolve(strict=True) / area)
    except (OSError, RuntimeError):  # missing, or a symlink loop
        return False


def own_file(file: Path, root: Path, area: str, problems: Problems) -> bool:
    """Content is read only from inside the repository: a symlink out of it is refused."""
    if inside(file, root, area):
        return True
    problems.add(escape_invisible(file.relative_to(root).as_posix()), 0, "", "dit bestand (of zijn map) is een "
                 "snelkoppeling naar een plek buiten de repository — zet het bestand zelf in de repository")
    return False


def problem(src: str, folder: Path, root: Path) -> str | None:
    """Why the image at `src` (relative to the item's `folder`) cannot be published, or None."""
    written = PurePosixPath(src.replace("\\", "/"))
    if written.is_absolute() or ":" in src or src.startswith("~"):
        return (f"'{src}' is geen pad binnen de repository — zet de afbeelding in de map `beelden/` naast "
                "het bericht en schrijf `beelden/<naam>.jpg`")
    if ".." in written.parts:
        return (f"'{src}' verwijst met `..` naar een map erboven — zet de afbeelding in de map `beelden/` "
                "naast het bericht en schrijf `beelden/<naam>.jpg`")
    file = folder / written
    if not file.is_file():
        return (f"afbeelding '{src}' niet gevonden — het pad begint bij de map van het bericht, "
                "bv. `beelden/foto.jpg`")
    if not inside(file, root, "news"):
        return (f"'{src}' is een snelkoppeling naar een bestand buiten de repository — kopieer de afbeelding "
                "zelf in de map `beelden/`")
    return _format_problem(file, src)


def _format_problem(file: Path, src: str) -> str | None:
    size = file.stat().st_size
    with file.open("rb") as handle:
        head = handle.read(16)
    kind = next((name for name, magics, _ in _FORMATS if head.startswith(magics)), None)
    if kind == "WebP" and head[8:12] != b"WEBP":
        kind = None
    if kind is None:
        if head[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1", b"ftyphevc"):
            return (f"'{src}' is een HEIC-foto (iPhone), die niet elke browser toont — bewaar ze als JPEG "
                    "(op de iPhone: Instellingen → Camera → Formaten → Meest compatibel)")
        return f"'{src}' is geen afbeelding in een formaat dat browsers tonen — gebruik {_ALLOWED}"
    names = next(extensions for name, _, extensions in _FORMATS if name == kind)
    if file.suffix.lower() not in names:
        return (f"'{src}' is een {kind}-afbeelding met een andere extensie — noem het bestand "
                f"'{file.stem}{names[0]}' en pas het pad aan")
    if size > MAX_BYTES:
        megabytes = f"{size / 1024 / 1024:.1f}".replace(".", ",")
        return (f"'{src}' is {megabytes} MB; een afbeelding mag hoogstens {MAX_BYTES // 1024 // 1024} MB "
                f"zijn — {RESIZE}")
    return None
