"""The build step that pyproject.toml cannot say: compile the translation catalogs.

A wheel carries `locale/<lang>/LC_MESSAGES/peerjournal.mo`, compiled here from the committed `.po`
files, so compiled catalogs are built by the build and never committed by hand. An editable
install skips this: peerjournal.i18n compiles the `.po` in memory when no `.mo` is beside it.
"""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithCatalogs(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        for po in Path("src/peerjournal/locale").glob("*/LC_MESSAGES/*.po"):
            target = Path(self.build_lib, *po.relative_to("src").with_suffix(".mo").parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            with po.open("rb") as source:
                catalog = read_po(source, locale=po.parent.parent.name)
            with target.open("wb") as out:
                write_mo(out, catalog)


setup(cmdclass={"build_py": BuildWithCatalogs})
