"""The store on a real PostgreSQL server (a throwaway cluster started for this test module)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Iterator

import pytest

from donghaeng.assistant import Assistant
from donghaeng.config import Settings
from donghaeng.store import complaints as store
from donghaeng.store.db import make_engine, migrate, session_factory

PG_BIN_CANDIDATES = sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)


def _pg_bin() -> Path | None:
    for candidate in PG_BIN_CANDIDATES:
        if (candidate / "initdb").exists():
            return candidate
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def _as_postgres(args: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return args
    return ["runuser", "-u", "postgres", "--", *args]


@pytest.fixture(scope="module")
def postgres_url() -> Iterator[str]:
    bin_dir = _pg_bin()
    if bin_dir is None:
        pytest.skip("PostgreSQL server binaries (initdb) are not installed")
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        pytest.skip("running as root without runuser: cannot start PostgreSQL")
    root = Path(tempfile.mkdtemp(prefix="donghaeng-pg-"))
    data = root / "data"
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    subprocess.run(_as_postgres([str(bin_dir / "initdb"), "-D", str(data), "-U", "donghaeng", "-A", "trust",
                                 "-E", "UTF8", "--no-locale"]), check=True, capture_output=True)
    server = subprocess.Popen(_as_postgres([str(bin_dir / "postgres"), "-D", str(data), "-p", str(port),
                                            "-k", str(root), "-c", "listen_addresses=127.0.0.1",
                                            "-c", "fsync=on"]),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"postgresql+psycopg://donghaeng@127.0.0.1:{port}/postgres"
    try:
        deadline = time.time() + 30
        while True:
            try:
                engine = make_engine(url)
                with engine.connect():
                    pass
                engine.dispose()
                break
            except Exception:
                if time.time() > deadline:
                    raise
                time.sleep(0.3)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=20)
        shutil.rmtree(root, ignore_errors=True)


def test_migrations_and_complaints_work_on_postgresql(postgres_url: str) -> None:
    engine = make_engine(postgres_url)
    migrate(engine)
    migrate(engine)
    sessions = session_factory(engine)
    with sessions() as db, db.begin():
        receipt = store.file_complaint(db, store.NewComplaint(category="noise", place="합정동",
                                                              client_key="pg-1")).receipt
    with sessions() as db, db.begin():
        again = store.file_complaint(db, store.NewComplaint(category="noise", client_key="pg-1")).receipt
        store.change_status(db, receipt, "배정", actor="op")
    with sessions() as db:
        assert again == receipt
        assert store.get_complaint(db, receipt).status == "배정"
    engine.dispose()


def test_a_whole_complaint_dialogue_runs_on_postgresql(postgres_url: str, nlu_engine, tmp_path: Path) -> None:
    assistant = Assistant(Settings(database_url=postgres_url, var_dir=tmp_path, load_data_on_start=False),
                          nlu=nlu_engine)
    assistant.prepare_store()
    first = assistant.handle_text("불법 주차 신고할게요")
    assistant.handle_text("망원동이요", session_id=first["session_id"])
    filed = assistant.handle_text("네", session_id=first["session_id"])
    with assistant.sessions() as db:
        assert store.get_complaint(db, filed["receipt"]).place == "망원동"
    assistant.engine.dispose()
