@description('API Management service name.')
param name string

@description('Azure region.')
param location string

@description('Tags every resource carries.')
param tags object

@description('Publisher e-mail API Management requires.')
param publisherEmail string

@description('Publisher name API Management requires.')
param publisherName string

@description('The Function App\'s host name: the API\'s backend is https://{it}/api.')
param functionAppHostName string

@description('The Key Vault holding the gateway secret, and the secret\'s URI.')
param keyVaultName string
param gatewaySecretUri string

@description('Partner ids: one subscription each, named after the partner, in the partners product.')
param partners string[]

// Key Vault Secrets User
var secretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource apim 'Microsoft.ApiManagement/service@2023-05-01-preview' = {
  name: name
  location: location
  tags: tags
  sku: { name: 'Consumption', capacity: 0 }
  identity: { type: 'SystemAssigned' }
  properties: { publisherEmail: publisherEmail, publisherName: publisherName }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource gatewayReadsSecret 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, apim.id, secretsUser)
  properties: {
    principalId: apim.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUser)
  }
}

resource secretValue 'Microsoft.ApiManagement/service/namedValues@2023-05-01-preview' = {
  parent: apim
  name: 'gateway-secret'
  properties: { displayName: 'gateway-secret', secret: true, keyVault: { secretIdentifier: gatewaySecretUri } }
  dependsOn: [gatewayReadsSecret]
}

resource api 'Microsoft.ApiManagement/service/apis@2023-05-01-preview' = {
  parent: apim
  name: 'extraction'
  properties: {
    displayName: 'Liability extraction'
    path: 'extraction'
    protocols: ['https']
    serviceUrl: 'https://${functionAppHostName}/api'
    subscriptionRequired: true
  }
}

resource operations 'Microsoft.ApiManagement/service/apis/operations@2023-05-01-preview' = [for method in ['GET', 'POST', 'DELETE']: {
  parent: api
  name: toLower(method)
  properties: { displayName: method, method: method, urlTemplate: '/*' }
}]

// The partner is the subscription's, never the caller's word: x-partner-id is overwritten, and the gateway's
// secret tells the app the request came this way. The subscription key goes no further than the gateway.
resource policy 'Microsoft.ApiManagement/service/apis/policies@2023-05-01-preview' = {
  parent: api
  name: 'policy'
  properties: {
    format: 'rawxml'
    value: '<policies><inbound><base /><set-header name="x-partner-id" exists-action="override"><value>@(context.Subscription.Id)</value></set-header><set-header name="x-gateway-secret" exists-action="override"><value>{{gateway-secret}}</value></set-header><set-header name="Ocp-Apim-Subscription-Key" exists-action="delete" /></inbound><backend><base /></backend><outbound><base /></outbound><on-error><base /></on-error></policies>'
  }
  dependsOn: [secretValue]
}

resource product 'Microsoft.ApiManagement/service/products@2023-05-01-preview' = {
  parent: apim
  name: 'partners'
  properties: { displayName: 'Partners', subscriptionRequired: true, approvalRequired: false, state: 'published' }
}

resource productApi 'Microsoft.ApiManagement/service/products/apis@2023-05-01-preview' = {
  parent: product
  name: api.name
}

resource subscriptions 'Microsoft.ApiManagement/service/subscriptions@2023-05-01-preview' = [for partner in partners: {
  parent: apim
  name: partner
  properties: { displayName: partner, scope: product.id, state: 'active' }
}]

output gatewayUrl string = apim.properties.gatewayUrl
