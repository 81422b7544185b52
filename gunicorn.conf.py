"""gunicorn reads this file from the folder it starts in: the hub's access log leaves out
the load balancers' health checks (hub/health.py)."""

logger_class = "hub.health.AccessLogWithoutHealthChecks"
