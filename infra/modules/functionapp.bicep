@description('Function app name.')
param name string

@description('How partners prove who they are: keys (their own API keys) or api-management (the gateway in front).')
@allowed(['keys', 'api-management'])
param authMode string

@description('api-management: the Key Vault URI of the gateway secret (read through a Key Vault reference).')
param gatewaySecretUri string

@description('Flex Consumption plan name.')
param planName string

@description('Azure region.')
param location string

@description('Tags every resource carries.')
param tags object

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string
@description('Client id of that identity (AZURE_CLIENT_ID, storage and scheduler connections).')
param identityClientId string

@description('Storage account name.')
param storageAccountName string
@description('Blob service endpoint of the storage account.')
param blobEndpoint string
@description('Queue service endpoint of the storage account.')
param queueEndpoint string
@description('Table service endpoint of the storage account.')
param tableEndpoint string

@description('Container the Flex deployment package is uploaded to.')
param deploymentContainer string

@description('Application Insights connection string.')
param applicationInsightsConnectionString string
@description('Azure OpenAI endpoint.')
param openAiEndpoint string
@description('Deployment name of the fine-tuned student.')
param studentDeployment string
@description('Deployment name of the teacher.')
param teacherDeployment string

@description('The student\'s capacity (units of 1,000 tokens a minute), from which its quota is set.')
param studentCapacity int
@description('The teacher\'s capacity (units of 1,000 tokens a minute).')
param teacherCapacity int

@description('Azure OpenAI account name: candidate deployments are made there through Azure Resource Manager.')
param openAiName string
@description('The retraining loop: { baseModel (empty: off), candidateCapacity }.')
param fineTuning object

@description('Prices in USD per million tokens: { student: { input, cachedInput, output }, teacher: { … } }.')
param prices object

@description('Daily ceilings in USD: { partnerDailyUsd, globalDailyUsd }.')
param budgets object

@description('DurableTaskScheduler or AzureStorage.')
@allowed(['DurableTaskScheduler', 'AzureStorage'])
param durableBackend string

@description('Durable Task Scheduler endpoint; empty with the Azure Storage backend.')
param schedulerEndpoint string
@description('Durable task hub name.')
param taskHubName string

@description('Largest number of instances the plan may scale out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int

@description('Memory per instance (MB).')
@allowed([512, 2048, 4096])
param instanceMemoryMB int

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: { name: 'FC1', tier: 'FlexConsumption' }
  properties: { reserved: true }
}

// A deployment's name as an app setting can spell it (PricingOptions.SettingName): student-ft is student_ft.
var studentSetting = replace(replace(studentDeployment, '-', '_'), '.', '_')
var teacherSetting = replace(replace(teacherDeployment, '-', '_'), '.', '_')
// Azure OpenAI Standard and GlobalStandard chat deployments: a capacity unit is 1,000 tokens and 6 requests a minute.
var tokensPerUnit = 1000
var requestsPerUnit = 6

// The same keys as local.settings.sample.json (InfraTests compares them); identity-based where the sample has connection strings.
var appSettings = {
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  AzureWebJobsStorage__blobServiceUri: blobEndpoint
  AzureWebJobsStorage__queueServiceUri: queueEndpoint
  AzureWebJobsStorage__tableServiceUri: tableEndpoint
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
  AZURE_CLIENT_ID: identityClientId
  DOTNET_TC_CallCountingDelayMs: '0'
  DurableTaskHubName: taskHubName
  Storage__ConnectionString: ''
  Storage__BlobServiceUri: blobEndpoint
  Storage__TableServiceUri: tableEndpoint
  Storage__IncomingContainer: 'incoming'
  Storage__BatchesContainer: 'batches'
  Storage__RawContainer: 'raw'
  Storage__WorkContainer: 'work'
  Storage__ResultsTable: 'results'
  Storage__ReviewsTable: 'reviews'
  Storage__LabelsTable: 'labels'
  Storage__TrainingContainer: 'training'
  Storage__TrainingTable: 'training'
  Storage__BudgetsTable: 'budgets'
  Storage__ModelsTable: 'models'
  Storage__ShadowTable: 'shadow'
  Checks__SecondOpinion: 'true'
  Training__Schedule: '0 0 3 * * *'
  Training__ValidationPercent: '10'
  Training__MaxTokensPerExample: '65536'
  Training__MinExamplesPerFile: '10'
  Training__PricePerMillionTrainingTokens: '3.30'
  Training__Epochs: '3'
  Training__BaseModel: fineTuning.baseModel
  Training__PollSchedule: '0 */10 * * * *'
  Training__DeploymentPrefix: 'student-'
  Training__DeploymentCapacity: string(fineTuning.candidateCapacity)
  Training__Arm__SubscriptionId: subscription().subscriptionId
  Training__Arm__ResourceGroup: resourceGroup().name
  Training__Arm__AccountName: openAiName
  Training__Arm__Location: location
  Model__Provider: 'azure-openai'
  Model__Endpoint: openAiEndpoint
  Model__ApiKey: ''
  Model__StudentDeployment: studentDeployment
  Model__TeacherDeployment: teacherDeployment
  Model__TimeoutMs: '5000'
  Model__TeacherTimeoutMs: '20000'
  Model__MaxAttemptsPerDeployment: '3'
  Model__MaxOutputTokens: '400'
  Model__ActiveCacheSeconds: '30'
  Model__Shadow__SampleRate: '0.05'
  Model__Shadow__BudgetShare: '0.05'
  // Per deployment, under its setting name: a Linux app setting holds letters, digits and underscores only.
  'Pricing__${studentSetting}__InputPerMillion': string(prices.student.input)
  'Pricing__${studentSetting}__CachedInputPerMillion': string(prices.student.cachedInput)
  'Pricing__${studentSetting}__OutputPerMillion': string(prices.student.output)
  'Pricing__${teacherSetting}__InputPerMillion': string(prices.teacher.input)
  'Pricing__${teacherSetting}__CachedInputPerMillion': string(prices.teacher.cachedInput)
  'Pricing__${teacherSetting}__OutputPerMillion': string(prices.teacher.output)
  // Each deployment's quota, from its capacity (one source): the limiter paces every instance's share to it.
  'Model__Deployments__${studentSetting}__TokensPerMinute': string(studentCapacity * tokensPerUnit)
  'Model__Deployments__${studentSetting}__RequestsPerMinute': string(studentCapacity * requestsPerUnit)
  'Model__Deployments__${studentSetting}__MaxInFlight': string(max(8, studentCapacity * requestsPerUnit / 15))
  'Model__Deployments__${teacherSetting}__TokensPerMinute': string(teacherCapacity * tokensPerUnit)
  'Model__Deployments__${teacherSetting}__RequestsPerMinute': string(teacherCapacity * requestsPerUnit)
  'Model__Deployments__${teacherSetting}__MaxInFlight': string(max(8, teacherCapacity * requestsPerUnit / 15))
  // The retraining loop's candidates are deployed at fineTuning.candidateCapacity.
  Model__DeploymentDefaults__TokensPerMinute: string(fineTuning.candidateCapacity * tokensPerUnit)
  Model__DeploymentDefaults__RequestsPerMinute: string(fineTuning.candidateCapacity * requestsPerUnit)
  Model__DeploymentDefaults__MaxInFlight: string(max(8, fineTuning.candidateCapacity * requestsPerUnit / 15))
  Model__Quota__Shared: 'true'
  // Partners prove who they are with their own API keys, or through API Management (docs/security.md).
  Auth__Mode: authMode
  Auth__GatewaySecret: authMode == 'api-management' ? '@Microsoft.KeyVault(SecretUri=${gatewaySecretUri})' : ''
  Auth__RotationOverlapHours: '24'
  Auth__KeyCacheSeconds: '10'
  Budget__PartnerDailyUsd: string(budgets.partnerDailyUsd)
  Budget__GlobalDailyUsd: string(budgets.globalDailyUsd)
  Budget__BlockUsd: '0.25'
  Budget__LeaseSeconds: '60'
  Budget__FlushEvery: '10'
  Budget__PromptMargin: '1.05'
  Budget__AccountDeadlineMs: '30000'
  Budget__BatchDeadlineMinutes: '1440'
  Batch__ChunkSize: '100'
  Batch__MaxParallelChunks: '16'
  Batch__ChunksPerGeneration: '200'
  Batch__MaxLineBytes: '1048576'
  Batch__MaxRequestBytes: '52428800'
  Batch__MaxAccountsPerRequest: '100000'
}

// host.json names Azure Storage as the Durable backend; these app settings switch it to the scheduler.
var schedulerSettings = {
  DURABLE_TASK_SCHEDULER_CONNECTION_STRING: 'Endpoint=${schedulerEndpoint};Authentication=ManagedIdentity;ClientID=${identityClientId}'
  AzureFunctionsJobHost__extensions__durableTask__storageProvider__type: 'azureManaged'
  AzureFunctionsJobHost__extensions__durableTask__storageProvider__connectionStringName: 'DURABLE_TASK_SCHEDULER_CONNECTION_STRING'
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${blobEndpoint}${deploymentContainer}'
          authentication: { type: 'UserAssignedIdentity', userAssignedIdentityResourceId: identityId }
        }
      }
      scaleAndConcurrency: { maximumInstanceCount: maximumInstanceCount, instanceMemoryMB: instanceMemoryMB }
      runtime: { name: 'dotnet-isolated', version: '10.0' }
    }
    keyVaultReferenceIdentity: identityId
    // Behind API Management only its traffic gets in; the gateway secret tells ours from any other instance's.
    siteConfig: authMode == 'api-management'
      ? {
          minTlsVersion: '1.2'
          ipSecurityRestrictionsDefaultAction: 'Deny'
          ipSecurityRestrictions: [{ name: 'api-management', action: 'Allow', priority: 100, tag: 'ServiceTag', ipAddress: 'ApiManagement' }]
        }
      : { minTlsVersion: '1.2' }
  }
}

resource settings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'appsettings'
  properties: durableBackend == 'DurableTaskScheduler' ? union(appSettings, schedulerSettings) : appSettings
}

output name string = app.name
output defaultHostName string = app.properties.defaultHostName
output storageAccountName string = storageAccountName
