/**
 * CloudWatch draws at most 500 metrics in one dashboard widget and 2,500 across a dashboard, counting every
 * metric a metric-math expression reads, even one not drawn; neither can be raised.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch_limits.html
 */
export const DASHBOARD_MAX_METRICS_PER_WIDGET = 500;
export const DASHBOARD_MAX_METRICS = 2500;

/**
 * Up to this many imports, the per-import chart draws one labelled metric each (its prefixes and UUID); more
 * are drawn by one metric search labelled by UUID, so the widget stays one entry however long the import list
 * grows. 100 lines are about as many as a legend can still tell apart, and leave the rest of the dashboard
 * (about 50 metrics) far inside both limits.
 */
export const MAX_LABELLED_IMPORTS = 100;
