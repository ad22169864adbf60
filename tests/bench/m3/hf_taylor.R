# High-frequency comparison on forecast::taylor (half-hourly electricity demand, England and
# Wales 2000; seasons 48 = a day and 336 = a week; 4,032 points): the last week is held out.
# headroom-cli (MSTL-style decomposition + ETS/Theta) against forecast::stlf() and snaive().
# Usage: Rscript hf_taylor.R PATH/TO/headroom-cli
suppressPackageStartupMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
cli <- if (length(args) >= 1) args[1] else "headroom-cli"
y <- as.numeric(taylor)
h <- 336
train <- head(y, length(y) - h)
test <- tail(y, h)
x <- msts(train, seasonal.periods = c(48, 336))
smape <- function(a, f) mean(200 * abs(a - f) / (abs(a) + abs(f)))
mase <- function(f) mean(abs(test - f)) / mean(abs(diff(train, lag = 48)))
cover <- function(lo, hi) mean(test >= lo & test <= hi)
dir <- tempfile("taylor")
dir.create(dir)
write.csv(data.frame(t = seq_along(train), value = train), file.path(dir, "in.csv"), row.names = FALSE, quote = FALSE)
t0 <- proc.time()[["elapsed"]]
status <- system2(cli, c("forecast", "--input", file.path(dir, "in.csv"), "--horizon", h, "--season", "48,336",
                         "--out", file.path(dir, "out.csv")))
ours_ms <- 1000 * (proc.time()[["elapsed"]] - t0)
ours <- read.csv(file.path(dir, "out.csv"))
t0 <- proc.time()[["elapsed"]]
st <- stlf(x, h = h, level = 95)
stlf_ms <- 1000 * (proc.time()[["elapsed"]] - t0)
sn <- snaive(ts(train, frequency = 336), h = h, level = 95)
row <- function(name, f, lo, hi, ms) cat(sprintf("%-22s sMAPE %6.3f  MASE %6.3f  cover95 %5.1f%%  ms %8.1f\n",
                                                  name, smape(test, f), mase(f), 100 * cover(lo, hi), ms))
cat(sprintf("taylor: %d training points, horizon %d (one week)\n", length(train), h))
row("headroom-cli forecast", ours$forecast, ours$lo95, ours$hi95, ours_ms)
row("R stlf (mstl + ets)", as.numeric(st$mean), as.numeric(st$lower), as.numeric(st$upper), stlf_ms)
row("R snaive (weekly)", as.numeric(sn$mean), as.numeric(sn$lower), as.numeric(sn$upper), NA)
