# Reference decompositions for tst_forecaststl, produced by R's stats::stl() and forecast::mstl().
# Usage: Rscript stl_reference.R OUTDIR   (writes stl-co2.csv and mstl-taylor.csv)
suppressPackageStartupMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) >= 1) args[1] else "."
fmt <- function(df) format(df, digits = 17, scientific = FALSE, trim = TRUE)
# co2: monthly, 468 points; four settings of stl()
a <- stl(co2, s.window = 7)$time.series
b <- stl(co2, s.window = 7, robust = TRUE)
c <- stl(co2, s.window = "periodic")$time.series
d <- stl(co2, s.window = 13, s.degree = 1, t.window = 25, l.window = 13, s.jump = 1, t.jump = 1, l.jump = 1)$time.series
co2df <- data.frame(y = as.numeric(co2),
                    s_default = a[, "seasonal"], t_default = a[, "trend"],
                    s_robust = b$time.series[, "seasonal"], t_robust = b$time.series[, "trend"], w_robust = b$weights,
                    s_periodic = c[, "seasonal"], t_periodic = c[, "trend"],
                    s_linear = d[, "seasonal"], t_linear = d[, "trend"])
write.csv(fmt(co2df), file.path(out, "stl-co2.csv"), row.names = FALSE, quote = FALSE)
# taylor: the first three weeks of half-hourly demand, mstl() with days (48) and weeks (336)
y <- msts(as.numeric(taylor)[1:1008], seasonal.periods = c(48, 336))
m <- mstl(y)
tdf <- data.frame(y = as.numeric(y), s48 = as.numeric(m[, "Seasonal48"]), s336 = as.numeric(m[, "Seasonal336"]),
                  trend = as.numeric(m[, "Trend"]))
write.csv(fmt(tdf), file.path(out, "mstl-taylor.csv"), row.names = FALSE, quote = FALSE)
