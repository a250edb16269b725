// A local osls plugin: what every deployed function gets without repeating it 34 times in serverless.yml.
// - an alarm on its errors and one on its throttles (to the stack's AlarmTopic);
// - the bundles' source maps moved into the package folder (a build artefact for decoding stack traces);
// - no unused role: with a role per function (serverless-iam-roles-per-function) the framework's shared
//   execution role serves nobody, so it is left out of the template.
const { cpSync, existsSync, mkdirSync, rmSync } = require('node:fs');
const { dirname, join, resolve } = require('node:path');
const { SOURCEMAPS } = require('../../esbuild.config.cjs');

class Operations {
  constructor(serverless, options = {}) {
    this.serverless = serverless;
    this.options = options;
    this.hooks = {
      'before:package:finalize': () => this.finalize(),
      'after:package:finalize': () => this.keepSourcemaps(),
    };
  }

  keepSourcemaps() {
    const serviceDir = this.serverless.serviceDir ?? this.serverless.config.servicePath;
    const from = join(serviceDir, SOURCEMAPS);
    if (!existsSync(from)) return;
    const to = join(resolve(serviceDir, this.options.package ?? '.serverless'), 'sourcemaps');
    rmSync(to, { recursive: true, force: true });
    mkdirSync(dirname(to), { recursive: true });
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }

  finalize() {
    const provider = this.serverless.getProvider('aws');
    const resources = this.serverless.service.provider.compiledCloudFormationTemplate.Resources;
    const shared = provider.naming.getRoleLogicalId();
    if (resources[shared]) {
      const { [shared]: _, ...others } = resources;
      if (!JSON.stringify(others).includes(`"${shared}"`)) delete resources[shared];
    }
    for (const name of this.serverless.service.getAllFunctions()) {
      const fn = provider.naming.getLambdaLogicalId(name);
      for (const metric of ['Errors', 'Throttles']) {
        resources[`${fn.replace(/LambdaFunction$/, '')}${metric}Alarm`] = {
          Type: 'AWS::CloudWatch::Alarm',
          Properties: {
            AlarmDescription: `${name}: ${metric.toLowerCase()} in the last 5 minutes`,
            Namespace: 'AWS/Lambda',
            MetricName: metric,
            Dimensions: [{ Name: 'FunctionName', Value: { Ref: fn } }],
            Statistic: 'Sum',
            Period: 300,
            EvaluationPeriods: 1,
            Threshold: 0,
            ComparisonOperator: 'GreaterThanThreshold',
            TreatMissingData: 'notBreaching',
            AlarmActions: [{ Ref: 'AlarmTopic' }],
            OKActions: [{ Ref: 'AlarmTopic' }],
          },
        };
      }
    }
  }
}
module.exports = Operations;
