# High-frequency comparison on forecast::taylor (half-hourly electricity demand, England and
# Wales 2000; seasons 48 = a day and 336 = a week; 4,032 points): a week ahead from ORIGINS
# forecast origins, the last one holding out the final week, the others one day earlier each.
# headroom-cli (multi-season candidates chosen by backtest) against forecast::stlf() and snaive(),
# and with WITH_DSHW = 1 forecast::dshw() (Taylor's double-seasonal Holt-Winters; point forecasts
# only, so no coverage; slow: minutes per origin).
# Usage: Rscript hf_taylor.R PATH/TO/headroom-cli [ORIGINS] [WITH_DSHW]
suppressPackageStartupMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
cli <- if (length(args) >= 1) args[1] else "headroom-cli"
origins <- if (length(args) >= 2) as.integer(args[2]) else 1L
withDshw <- length(args) >= 3 && args[3] == "1"
y <- as.numeric(taylor)
h <- 336
smape <- function(a, f) mean(200 * abs(a - f) / (abs(a) + abs(f)))
dir <- tempfile("taylor")
dir.create(dir)
acc <- list()
add <- function(name, test, train, f, lo, hi, ms) {
  r <- c(smape(test, f), mean(abs(test - f)) / mean(abs(diff(train, lag = 48))),
         mean(test >= lo & test <= hi), ms)
  acc[[name]] <<- if (is.null(acc[[name]])) r else acc[[name]] + r
}
for (o in seq_len(origins)) {
  n <- length(y) - h - (o - 1) * 48
  train <- y[1:n]
  test <- y[(n + 1):(n + h)]
  write.csv(data.frame(t = seq_along(train), value = train), file.path(dir, "in.csv"), row.names = FALSE, quote = FALSE)
  t0 <- proc.time()[["elapsed"]]
  status <- system2(cli, c("forecast", "--input", file.path(dir, "in.csv"), "--horizon", h, "--season", "48,336",
                           "--out", file.path(dir, "out.csv")))
  ms <- 1000 * (proc.time()[["elapsed"]] - t0)
  ours <- read.csv(file.path(dir, "out.csv"))
  add("headroom-cli forecast", test, train, ours$forecast, ours$lo95, ours$hi95, ms)
  t0 <- proc.time()[["elapsed"]]
  st <- stlf(msts(train, seasonal.periods = c(48, 336)), h = h, level = 95)
  ms <- 1000 * (proc.time()[["elapsed"]] - t0)
  add("R stlf (mstl + ets)", test, train, as.numeric(st$mean), as.numeric(st$lower), as.numeric(st$upper), ms)
  t0 <- proc.time()[["elapsed"]]
  sn <- snaive(ts(train, frequency = 336), h = h, level = 95)
  ms <- 1000 * (proc.time()[["elapsed"]] - t0)
  add("R snaive (weekly)", test, train, as.numeric(sn$mean), as.numeric(sn$lower), as.numeric(sn$upper), ms)
  if (withDshw) {
    t0 <- proc.time()[["elapsed"]]
    dw <- dshw(msts(train, seasonal.periods = c(48, 336)), h = h)
    ms <- 1000 * (proc.time()[["elapsed"]] - t0)
    add("R dshw", test, train, as.numeric(dw$mean), rep(NA, h), rep(NA, h), ms)
  }
}
cat(sprintf("taylor: horizon %d (one week), %d origin(s) a day apart, last training length %d\n",
            h, origins, length(y) - h))
for (name in names(acc)) {
  r <- acc[[name]] / origins
  cover <- if (is.na(r[3])) "    -" else sprintf("%5.1f%%", 100 * r[3])
  cat(sprintf("%-22s sMAPE %6.3f  MASE %6.3f  cover95 %s  ms %8.1f\n", name, r[1], r[2], cover, r[4]))
}
