"""Running the pipeline at scale: worker processes on one machine (``pool``), progress display
(``progress``) and the Apache Spark runner (``spark``, optional extra ``accord[spark]``)."""
