"""The scheduler's jobs, kept in the store's database (APScheduler's SQLAlchemy job store).

Every ``briefing schedule`` process on the store shares the table: each
writes the editions' daily jobs when it starts, and whichever process is up
when a job is due runs it (two that both do are sorted out by the claims of
``briefing/store/runs.py``). The table is made here, under a write lock, so
two processes starting together do not both try to create it.
"""

from __future__ import annotations

from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore

from briefing.store import Store

JOBS_TABLE = "briefing_scheduler_jobs"


def job_store(store: Store) -> SQLAlchemyJobStore:
    """A job store on ``store``'s database; its table exists when this returns."""
    jobs = SQLAlchemyJobStore(engine=store.engine, tablename=JOBS_TABLE)
    with store.transaction("scheduler-jobs") as connection:
        jobs.jobs_t.create(connection, checkfirst=True)
    return jobs
