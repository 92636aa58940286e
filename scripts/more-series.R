#!/usr/bin/env Rscript
# Writes the "more real series" set that scripts/accuracy.sh can score beside the shared files: real series from
# R's own packages (datasets, forecast, boot, tseries, AER, strucchange), none of them in the shared data, one
# CSV each (header series,ts,value; ISO-8601 UTC), and their anchors.csv: one-step MAEs of naive, seasonal naive,
# Holt-Winters (stats::HoltWinters) and ARIMA (forecast::auto.arima) on the last 20% of each series, by the shared
# protocol: n_train = floor(0.8 n), every scored point forecast from the points before it only, ARIMA's order chosen
# on the training part and its coefficients refit 4 times, Holt-Winters' constants refit every n_test/20 points.
#
#   Rscript scripts/more-series.R [OUT_DIR]      (Debian: apt-get install r-base-core r-cran-forecast
#                                                  r-cran-aer r-cran-tseries r-cran-strucchange r-cran-boot)
suppressMessages({ library(forecast); library(AER); library(tseries); library(strucchange); library(boot) })
args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) > 0) args[1] else "stream-app/src/test/resources/more-data"
dir.create(out, showWarnings = FALSE, recursive = TRUE)
d <- function(name, pkg) { e <- new.env(); data(list = name, package = pkg, envir = e); get(name, envir = e) }

iso <- function(t) format(t, "%Y-%m-%dT%H:%M:%SZ", tz = "UTC")
calendar <- function(x, year0 = NA) {  # timestamps from a ts' own frequency and start
  f <- frequency(x); s <- start(x); n <- length(x)
  if (f == 12 || f == 4) {
    m0 <- (s[1]) * 12 + (s[2] - 1) * (12 / f)
    m <- m0 + (0:(n - 1)) * (12 / f)
    return(iso(as.POSIXct(sprintf("%04d-%02d-01", m %/% 12, m %% 12 + 1), tz = "UTC")))
  }
  y <- (if (is.na(year0)) s[1] else year0) + 0:(n - 1)
  sprintf("%s%04d-01-01T00:00:00Z", ifelse(y < 0, "-", ""), abs(y))  # ISO-8601 years before 0 too (tree rings)
}
spaced <- function(first, by, n) iso(seq(as.POSIXct(first, tz = "UTC"), by = by, length.out = n))

series <- list(
  # monthly
  list("nottem", d("nottem", "datasets")), list("UKDriverDeaths", d("UKDriverDeaths", "datasets")),
  list("USAccDeaths", d("USAccDeaths", "datasets")), list("ldeaths", datasets::ldeaths),
  list("gas", d("gas", "forecast")), list("wineind", d("wineind", "forecast")), list("manaus", d("manaus", "boot")),
  list("DutchSales", d("DutchSales", "AER")), list("USIncome", d("USIncExp", "strucchange")[, "income"]),
  list("tcm10y", d("tcm", "tseries")[, "tcm10y"]), list("FrozenJuicePrice", d("FrozenJuice", "AER")[, "price"]),
  list("BlackPepper", d("PepperPrice", "AER")[, "black"]),
  list("USProduction", d("USMacroSWM", "AER")[, "production"]),
  # quarterly
  list("JohnsonJohnson", d("JohnsonJohnson", "datasets")), list("UKgas", d("UKgas", "datasets")),
  list("austres", d("austres", "datasets")), list("woolyrnq", d("woolyrnq", "forecast")),
  list("UKNonDurables", d("UKNonDurables", "AER")), list("USGNP", d("USeconomic", "tseries")[, "log(GNP)"]),
  list("ArgentinaCPI", d("ArgentinaCPI", "AER")),
  # annual
  list("Nile", d("Nile", "datasets")), list("LakeHuron", d("LakeHuron", "datasets")), list("lynx", d("lynx", "datasets")),
  list("sunspot.year", d("sunspot.year", "datasets")), list("nhtemp", d("nhtemp", "datasets")),
  list("discoveries", d("discoveries", "datasets")), list("bev", d("bev", "tseries")),
  list("treering", d("treering", "datasets"))
)
others <- list(  # no usable calendar in the ts: spacing from the documentation, and the anchors' season
  list("BJsales", d("BJsales", "datasets"), function(n) calendar(ts(1:n), year0 = 1900), 1),  # unit unknown: no season
  list("WWWusage", d("WWWusage", "datasets"), function(n) spaced("2000-01-03 00:00:00", "1 min", n), 1),
  list("wool", d("wool", "boot"), function(n) spaced("1976-07-05 00:00:00", "1 week", n), 1),
  list("DJFranses", d("DJFranses", "AER"), function(n) spaced("1980-01-07 00:00:00", "1 week", n), 52),
  list("iceRiverFlow", d("ice.river", "tseries")[, "flow.vat"], function(n) spaced("1972-01-01 00:00:00", "1 day", n), 1),
  list("beaverTemp", d("beaver", "boot")[, "temp"], function(n) spaced("1990-11-03 09:30:00", "10 min", n), 1)
)

period <- function(x) if (frequency(x) %in% c(4, 12)) frequency(x) else 1

refit <- function(fit0, x) {  # the same order, coefficients estimated again on x
  ao <- arimaorder(fit0)
  Arima(x, order = ao[1:3], seasonal = if (length(ao) == 7) ao[4:6] else c(0, 0, 0),
        include.mean = "intercept" %in% names(coef(fit0)), include.drift = "drift" %in% names(coef(fit0)), method = "ML")
}
mae <- function(f, y, idx) mean(abs(y[idx] - f[idx]))
anchors <- function(name, y, m) {
  n <- length(y); ntr <- floor(0.8 * n); idx <- (ntr + 1):n; nt <- length(idx)
  naive <- c(NA, y[-n]); snaive <- if (m > 1) c(rep(NA, m), y[1:(n - m)]) else NULL
  fit0 <- auto.arima(ts(y[1:ntr], frequency = m))
  ar <- rep(NA, n)
  cuts <- unique(c(round(seq(ntr, n, length.out = 5))))
  for (k in seq_len(length(cuts) - 1)) {
    fit <- if (k == 1) fit0 else refit(fit0, ts(y[1:cuts[k]], frequency = m))
    seg <- (cuts[k] + 1):cuts[k + 1]
    ar[seg] <- fitted(Arima(ts(y[1:cuts[k + 1]], frequency = m), model = fit))[seg]
  }
  hw <- rep(NA, n)
  step <- max(1, ceiling(nt / 20)); starts <- seq(ntr, n - 1, by = step)
  for (s in starts) {
    seasonal <- m > 1 && s >= 2 * m + 2
    fit <- if (seasonal) HoltWinters(ts(y[1:s], frequency = m)) else HoltWinters(ts(y[1:s]), gamma = FALSE)
    all <- if (seasonal) HoltWinters(ts(y, frequency = m), alpha = fit$alpha, beta = fit$beta, gamma = fit$gamma)
           else HoltWinters(ts(y), alpha = fit$alpha, beta = fit$beta, gamma = FALSE)
    xh <- c(rep(NA, n - nrow(all$fitted)), all$fitted[, "xhat"])
    seg <- (s + 1):min(n, s + step)
    hw[seg] <- xh[seg]
  }
  rows <- list(c("naive", mae(naive, y, idx)), c("holt_winters", mae(hw, y, idx)), c("arima", mae(ar, y, idx)))
  if (m > 1) rows <- c(rows[1], list(c("snaive", mae(snaive, y, idx))), rows[2:3])
  cat(sprintf("%-18s n=%5d m=%2d arima%s naive %.4g hw %.4g arima %.4g\n", name, n, m,
              paste(arimaorder(fit0), collapse = ""), mae(naive, y, idx), mae(hw, y, idx), mae(ar, y, idx)), file = stderr())
  do.call(rbind, lapply(rows, function(r) data.frame(file = paste0(name, ".csv"), series = name, method = r[1],
    period = m, n = n, n_test = nt, MAE = signif(as.numeric(r[2]), 6))))
}

table <- NULL
write1 <- function(name, y, ts, m) {
  stopifnot(!anyNA(y))
  write.csv(data.frame(series = name, ts = ts, value = as.numeric(y)), file.path(out, paste0(name, ".csv")),
            row.names = FALSE, quote = FALSE)
  table <<- rbind(table, anchors(name, as.numeric(y), m))
}
for (s in series) { ts <- calendar(s[[2]], if (is.null(s$year0)) NA else s$year0); write1(s[[1]], s[[2]], ts, period(s[[2]])) }
for (s in others) { n <- length(s[[2]]); ts <- s[[3]](n); write1(s[[1]], s[[2]], ts, s[[4]]) }
write.csv(table, file.path(out, "anchors.csv"), row.names = FALSE, quote = FALSE)
