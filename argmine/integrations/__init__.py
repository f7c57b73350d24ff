"""Optional integrations with other systems; each module imports its dependency lazily.

* :mod:`argmine.integrations.ray` — scale-out on Ray Data (``pip install 'argmine[ray]'``).
"""
