#!/usr/bin/env Rscript
# How far established methods get on the shared nine series, by the same one-step protocol as scripts/accuracy.sh:
# n_train = floor(0.8 n), every point of the last 20% forecast from the points before it only. Each method is fitted
# on the training part and then run over the whole series with its constants kept (the forecast package's
# `model = fit`), so fitted() holds its one-step forecasts; nothing is fitted on the scored part.
# Methods: auto.arima, ets (Taylor's double-seasonal Holt-Winters, dshw, for taylor), tbats, nnetar, and the mean
# of the first three ("comb"). Prints a markdown table of MAE / the anchors' ARIMA MAE and the geometric means,
# including each series' best method in hindsight. About 10 minutes on 2 cores (taylor's auto.arima takes half).
#
#   Rscript scripts/ceiling.R [DATA_DIR]      (default: stream-app/src/test/resources/data; R with forecast)
suppressMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
data_dir <- if (length(args) > 0) args[1] else "stream-app/src/test/resources/data"
anchors <- read.csv(file.path(data_dir, "anchors.csv"), stringsAsFactors = FALSE)

# series, file, seasonal periods (the stock indices have none; taylor a day and a week of half-hours)
series <- list(
  list("AirPassengers", "AirPassengers.csv", 12), list("DAX", "EuStockMarkets.csv", 1),
  list("SMI", "EuStockMarkets.csv", 1), list("CAC", "EuStockMarkets.csv", 1), list("FTSE", "EuStockMarkets.csv", 1),
  list("co2", "co2.csv", 12), list("elnino", "elnino.csv", 12), list("sunspot.month", "sunspot.month.csv", 12),
  list("taylor", "taylor.csv", c(48, 336)))
methods <- c("auto.arima", "ets", "tbats", "nnetar", "comb")

one_step <- function(y, ntr, periods) {
  make <- function(v) if (length(periods) > 1) msts(v, seasonal.periods = periods) else ts(v, frequency = periods)
  full <- make(y); train <- make(y[1:ntr])
  quiet <- function(expr) tryCatch(as.numeric(expr), error = function(e) {
    message("  ", conditionMessage(e)); rep(NA_real_, length(y)) })
  f <- list()
  f$auto.arima <- quiet(fitted(Arima(full, model = auto.arima(train))))
  f$ets <- quiet(if (length(periods) > 1) {
    fitted(dshw(y, model = dshw(y[1:ntr], period1 = periods[1], period2 = periods[2])))  # starts on 2 weeks: training
  } else {
    fitted(ets(full, model = ets(train), use.initial.values = TRUE))  # initial states from the training part too
  })
  f$tbats <- quiet(fitted(tbats(full, model = tbats(train, use.parallel = FALSE))))
  set.seed(1)
  f$nnetar <- quiet(fitted(nnetar(full, model = nnetar(train))))
  f$comb <- (f$auto.arima + f$ets + f$tbats) / 3
  f
}

rows <- list()
for (s in series) {
  name <- s[[1]]
  d <- read.csv(file.path(data_dir, s[[2]]), stringsAsFactors = FALSE, colClasses = c("character", "character", "numeric"))
  d <- d[d$series == name, ]
  y <- d$value[order(d$ts)]
  if (anyNA(y)) stop(name, ": a missing value; this script expects none")
  n <- length(y); ntr <- floor(0.8 * n); test <- (ntr + 1):n
  a <- anchors[anchors$series == name, ]
  naive <- mean(abs(y[test] - y[test - 1]))
  if (abs(naive / a$MAE[a$method == "naive"] - 1) > 1e-5) stop(name, ": naive MAE differs from anchors.csv")
  started <- Sys.time()
  f <- one_step(y, ntr, s[[3]])
  ratio <- sapply(methods, function(m) mean(abs(y[test] - f[[m]][test])) / a$MAE[a$method == "arima"])
  message(sprintf("%s: %s (%.0f s)", name, paste(sprintf("%s %.3f", methods, ratio), collapse = ", "),
                  as.numeric(difftime(Sys.time(), started, units = "secs"))))
  rows[[name]] <- ratio
}

r <- do.call(rbind, rows)
best <- apply(r, 1, min, na.rm = TRUE)
cat("| series |", paste(methods, collapse = " | "), "| best in hindsight |\n")
cat("|---|", paste(rep("---:", length(methods) + 1), collapse = "|"), "|\n", sep = "")
for (i in seq_len(nrow(r))) {
  cat(sprintf("| %s | %s | %.3f (%s) |\n", rownames(r)[i], paste(sprintf("%.3f", r[i, ]), collapse = " | "),
              best[i], methods[which.min(r[i, ])]))
}
gm <- function(v) exp(mean(log(v)))
cat(sprintf("| **geometric mean** | %s | **%.3f** |\n", paste(sprintf("**%.3f**", apply(r, 2, gm)), collapse = " | "),
            gm(best)))
