# R reference for the M3 monthly accuracy benchmark: forecast::ets(), thetaf() and snaive()
# on the same series, horizon and scoring as bench_forecast_m3 (see ../shared/data/README.md).
# Usage: Rscript m3_r_reference.R DATA_DIR [LIMIT] [OUT.csv] [SKIP]
# (SKIP: start after the first SKIP series, to split the full run into parts run side by side)
suppressPackageStartupMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
dir <- if (length(args) >= 1) args[1] else "../shared/data/m3-monthly"
limit <- if (length(args) >= 2) as.integer(args[2]) else 0L
out <- if (length(args) >= 3) args[3] else ""
skip <- if (length(args) >= 4) as.integer(args[4]) else 0L
index <- read.csv(file.path(dir, "index.csv"), stringsAsFactors = FALSE)
values <- read.csv(file.path(dir, "series.csv"), stringsAsFactors = FALSE)
if (skip > 0) index <- index[-seq_len(min(skip, nrow(index))), , drop = FALSE]
if (limit > 0) index <- head(index, limit)
smape <- function(y, f) mean(200 * abs(y - f) / (abs(y) + abs(f)))
mase <- function(x, y, f, m) mean(abs(y - f)) / mean(abs(diff(x, lag = m)))
rows <- list()
for (i in seq_len(nrow(index))) {
  s <- index$series[i]; h <- index$h[i]; m <- index$season[i]
  v <- values[values$series == s, ]
  x <- ts(v$value[v$part == "train"], frequency = m)
  y <- v$value[v$part == "test"]
  run <- function(name, expr) {
    t0 <- proc.time()
    fc <- expr
    t1 <- proc.time()
    ms <- 1000 * (t1[["elapsed"]] - t0[["elapsed"]])
    cpu <- 1000 * (t1[["user.self"]] + t1[["sys.self"]] - t0[["user.self"]] - t0[["sys.self"]])
    f <- as.numeric(fc$mean); lo <- as.numeric(fc$lower[, 1]); hi <- as.numeric(fc$upper[, 1])
    data.frame(series = s, method = name, smape = smape(y, f), mase = mase(x, y, f, m),
               coverage95 = mean(y >= lo & y <= hi), ms = ms, cpu_ms = cpu)
  }
  rows[[length(rows) + 1]] <- run("R-ets", forecast(ets(x), h = h, level = 95))
  rows[[length(rows) + 1]] <- run("R-thetaf", thetaf(x, h = h, level = 95))
  rows[[length(rows) + 1]] <- run("R-snaive", snaive(x, h = h, level = 95))
}
res <- do.call(rbind, rows)
if (nchar(out) > 0) write.csv(res, out, row.names = FALSE)
cat(sprintf("M3 monthly, %d series, horizon 18 (R forecast %s)\n", nrow(index), packageVersion("forecast")))
for (meth in unique(res$method)) {
  r <- res[res$method == meth, ]
  cat(sprintf("%-14s sMAPE %7.3f  MASE %6.3f  cover95 %5.1f%%  ms/series %8.2f  cpu ms/series %8.2f\n", meth,
              mean(r$smape), mean(r$mase), 100 * mean(r$coverage95), mean(r$ms), mean(r$cpu_ms)))
}
